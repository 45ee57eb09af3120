package com.infraconsole.credential;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CredentialRepository extends JpaRepository<Credential, Long> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

    List<Credential> findAllByOrderByNameAsc();

    List<Credential> findByKeyIdNot(String keyId);
}
