package com.infraconsole.server;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EnvironmentRepository extends JpaRepository<Environment, Long> {

    List<Environment> findAllByOrderByIdAsc();

    Optional<Environment> findByName(String name);

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

    /** Each environment with its server count; the count is a correlated subquery, so one SQL statement per page. */
    @Query(value = """
            select new com.infraconsole.server.EnvironmentUsage(e,
                (select count(s.id) from Server s where s.environment = e))
            from Environment e""", countQuery = "select count(e) from Environment e")
    Page<EnvironmentUsage> findUsage(Pageable pageable);
}
