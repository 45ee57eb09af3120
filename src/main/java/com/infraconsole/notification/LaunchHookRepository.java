package com.infraconsole.notification;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface LaunchHookRepository extends JpaRepository<LaunchHook, Long> {

    List<LaunchHook> findAllByOrderByNameAsc(Pageable pageable);

    boolean existsByNameIgnoreCase(String name);
}
