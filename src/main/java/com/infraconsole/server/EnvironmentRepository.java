package com.infraconsole.server;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnvironmentRepository extends JpaRepository<Environment, Long> {

    List<Environment> findAllByOrderByIdAsc();

    Optional<Environment> findByName(String name);
}
