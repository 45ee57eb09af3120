package com.infraconsole.playbook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlaybookVersionRepository extends JpaRepository<PlaybookVersion, Long> {

    /** The history list without the (possibly long) contents. */
    @Query("""
            select new com.infraconsole.playbook.PlaybookVersionSummary(v.versionNo, v.name, v.savedBy, v.savedAt)
            from PlaybookVersion v where v.playbookId = :playbookId order by v.versionNo desc""")
    List<PlaybookVersionSummary> summaries(long playbookId);

    boolean existsByPlaybookId(long playbookId);

    Optional<PlaybookVersion> findByPlaybookIdAndVersionNo(long playbookId, int versionNo);
}
