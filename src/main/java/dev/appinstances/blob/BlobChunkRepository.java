package dev.appinstances.blob;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class BlobChunkRepository implements PanacheRepositoryBase<BlobChunkEntity, BlobChunkEntity.Key> {}
