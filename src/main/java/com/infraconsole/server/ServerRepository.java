package com.infraconsole.server;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ServerRepository extends JpaRepository<Server, Long>, JpaSpecificationExecutor<Server> {

    @Override
    @EntityGraph(attributePaths = "environment")
    Page<Server> findAll(Specification<Server> spec, Pageable pageable);

    @EntityGraph(attributePaths = "environment")
    Optional<Server> findWithEnvironmentById(Long id);

    boolean existsByHostnameIgnoreCase(String hostname);

    boolean existsByHostnameIgnoreCaseAndIdNot(String hostname, Long id);

    long countByEnvironment(Environment environment);
}
