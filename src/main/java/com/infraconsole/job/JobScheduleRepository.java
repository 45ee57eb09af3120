package com.infraconsole.job;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface JobScheduleRepository extends JpaRepository<JobSchedule, Long> {

    boolean existsByNameIgnoreCase(String name);

    List<JobSchedule> findAllByOrderByNameAsc(org.springframework.data.domain.Pageable pageable);
}
