package com.infraconsole.playbook;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface PlaybookRepository extends JpaRepository<Playbook, Long>, JpaSpecificationExecutor<Playbook> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

    /** Read in SQL: the job feature owns the jobs table, and a playbook must not depend on it. */
    @Query(value = "SELECT COUNT(*) FROM jobs WHERE playbook_id = :playbookId", nativeQuery = true)
    long countJobsUsing(long playbookId);
}
