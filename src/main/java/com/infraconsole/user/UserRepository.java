package com.infraconsole.user;

import com.infraconsole.security.Role;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {

    Optional<User> findByUsername(String username);

    boolean existsByUsernameIgnoreCase(String username);

    boolean existsByEmailIgnoreCase(String email);

    boolean existsByUsernameIgnoreCaseAndIdNot(String username, Long id);

    boolean existsByEmailIgnoreCaseAndIdNot(String email, Long id);

    long countByRoleAndActiveTrue(com.infraconsole.security.Role role);

    /** Id and username pairs, for lists of other features that show who did something. */
    @Query("select u.id, u.username from User u where u.id in :ids")
    List<Object[]> findUsernames(Collection<Long> ids);

    /** Locks every active admin row (SELECT ... FOR UPDATE) so that two admins cannot both remove the last one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.role = :role and u.active = true order by u.id")
    List<User> lockActiveByRole(Role role);

    /** Counted in SQL so that parallel failed logins cannot lose an increment. */
    @Modifying
    @Query("update User u set u.failedLoginAttempts = u.failedLoginAttempts + 1 where u.username = :username")
    int incrementFailedLogins(String username);
}
