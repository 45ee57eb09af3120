package com.infraconsole.server;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ServerRepository extends JpaRepository<Server, Long>, JpaSpecificationExecutor<Server> {

    @Override
    @EntityGraph(attributePaths = "environment")
    Page<Server> findAll(Specification<Server> spec, Pageable pageable);

    @EntityGraph(attributePaths = "environment")
    Optional<Server> findWithEnvironmentById(Long id);

    boolean existsByHostnameIgnoreCase(String hostname);

    boolean existsByHostnameIgnoreCaseAndIdNot(String hostname, Long id);

    long countByEnvironment(Environment environment);

    /** Which of these hostnames exist; the column's collation compares them case-insensitively. */
    @Query("select s.hostname from Server s where s.hostname in :hostnames")
    List<String> findExistingHostnames(Collection<String> hostnames);
}
