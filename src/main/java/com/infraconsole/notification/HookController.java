package com.infraconsole.notification;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/hooks/{hookId}: the body is read raw (the signature is over its exact bytes) and
 * never parsed. Success is 202 with the job's id; a refusal is an RFC 9457 problem.
 */
@RestController
class HookController {

    static final int MAX_BODY = 1024 * 1024;
    private final HookReceiver receiver;

    HookController(HookReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping("/api/v1/hooks/{hookId}")
    ResponseEntity<?> call(@PathVariable String hookId, HttpServletRequest request) throws IOException {
        long id;
        try {
            id = Long.parseLong(hookId);
        } catch (NumberFormatException e) {
            return problem(new HookReceiver.Answer(404, "No such hook", null, 0));
        }
        var body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return problem(new HookReceiver.Answer(413, "The body is larger than 1 MiB", null, 0));
        }
        var answer = receiver.receive(id, body, request::getHeader);
        if (answer.jobId() != null) {
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/jobs/" + answer.jobId()))
                    .body(Map.of("jobId", answer.jobId(), "status", "pending"));
        }
        return problem(answer);
    }

    private static ResponseEntity<ProblemDetail> problem(HookReceiver.Answer answer) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(answer.status()), answer.detail());
        var response = ResponseEntity.status(answer.status());
        if (answer.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(answer.retryAfterSeconds()));
        }
        return response.body(problem);
    }
}
