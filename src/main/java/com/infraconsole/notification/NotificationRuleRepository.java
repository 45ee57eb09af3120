package com.infraconsole.notification;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRuleRepository extends JpaRepository<NotificationRule, Long> {

    List<NotificationRule> findAllByOrderByNameAsc(Pageable pageable);

    boolean existsByNameIgnoreCase(String name);
}
