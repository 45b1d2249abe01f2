package dev.appinstances.instance;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class InstanceRepository implements PanacheRepositoryBase<InstanceEntity, UUID> {}
