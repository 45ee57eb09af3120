package com.infraconsole.api;

import com.infraconsole.base.StaleDataException;
import com.infraconsole.playbook.Playbook;
import com.infraconsole.playbook.PlaybookFilter;
import com.infraconsole.playbook.PlaybookService;
import com.infraconsole.server.EnvironmentService;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/environments (read; admins manage them on their screen) and /api/v1/playbooks. */
@RestController
class CatalogApi {

    record EnvironmentJson(long id, String name, String description, long serverCount) {}

    record PlaybookJson(Long id, String name, String description, String content, Long version) {

        static PlaybookJson of(Playbook p) {
            return new PlaybookJson(p.getId(), p.getName(), p.getDescription(), p.getContent(), p.getVersion());
        }
    }

    private final EnvironmentService environments;
    private final PlaybookService playbooks;

    CatalogApi(EnvironmentService environments, PlaybookService playbooks) {
        this.environments = environments;
        this.playbooks = playbooks;
    }

    @GetMapping("/api/v1/environments")
    List<EnvironmentJson> environments() {
        return environments.list(Paging.of(0, Paging.MAX_SIZE, Sort.by("name"))).stream()
                .map(u -> new EnvironmentJson(
                        u.environment().getId(),
                        u.environment().getName(),
                        u.environment().getDescription(),
                        u.serverCount()))
                .toList();
    }

    @GetMapping("/api/v1/playbooks")
    Paging.Page<PlaybookJson> playbooks(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var filter = new PlaybookFilter(q);
        var request = Paging.of(page, size, Sort.by("name"));
        return new Paging.Page<>(
                playbooks.list(filter, request).stream().map(PlaybookJson::of).toList(),
                request.getPageNumber(),
                request.getPageSize(),
                playbooks.count(filter));
    }

    @GetMapping("/api/v1/playbooks/{id}")
    ResponseEntity<PlaybookJson> playbook(@PathVariable long id) {
        var p = find(id);
        return ETags.ok(p.getVersion(), PlaybookJson.of(p));
    }

    @PostMapping("/api/v1/playbooks")
    ResponseEntity<PlaybookJson> create(@RequestBody PlaybookJson body) {
        var saved = playbooks.save(new Playbook(body.name(), body.description(), body.content()));
        return ResponseEntity.created(URI.create("/api/v1/playbooks/" + saved.getId()))
                .eTag(ETags.of(saved.getVersion()))
                .body(PlaybookJson.of(saved));
    }

    @PutMapping("/api/v1/playbooks/{id}")
    ResponseEntity<PlaybookJson> update(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody PlaybookJson body) {
        var expected = ETags.required(ifMatch);
        var p = current(id, expected);
        p.setName(body.name());
        p.setDescription(body.description());
        p.setContent(body.content());
        var saved = playbooks.save(p);
        return ETags.ok(saved.getVersion(), PlaybookJson.of(saved));
    }

    @DeleteMapping("/api/v1/playbooks/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        playbooks.delete(current(id, ETags.required(ifMatch)));
        return ResponseEntity.noContent().build();
    }

    private Playbook current(long id, long expected) {
        var p = find(id);
        if (p.getVersion() != expected) {
            throw new StaleDataException("Playbook " + p.getName(), p.getUpdatedBy(), p.getUpdatedAt());
        }
        return p;
    }

    private Playbook find(long id) {
        return playbooks.get(id).orElseThrow(() -> new NoSuchElementException("No playbook " + id));
    }
}
