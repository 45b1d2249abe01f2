package dev.appinstances.register;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class UserRepository implements PanacheRepositoryBase<UserEntity, Long> {}
