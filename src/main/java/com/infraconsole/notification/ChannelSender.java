package com.infraconsole.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery. Every wait is bounded: the HTTP client's connect and response timeouts, and
 * the SMTP connect, read and write timeouts (spring.mail.properties in application.yml). Errors
 * come back as text for the delivery log, and never contain the destination URL (it holds a token).
 */
@Component
class ChannelSender {

    /** How an attempt ended: retry says whether another attempt could do better. */
    record Outcome(boolean sent, boolean retry, String error) {
        static final Outcome SENT = new Outcome(true, false, null);
    }

    static final String SIGNATURE_HEADER = "X-Infra-Signature-256";
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectProvider<JavaMailSender> mail;
    private final String mailFrom;
    private final NotificationSecrets box;

    ChannelSender(
            NotificationSecrets box,
            ObjectProvider<JavaMailSender> mail,
            @Value("${infra.notify.http-timeout:10s}") Duration timeout,
            @Value("${infra.notify.mail-from:infra-console@localhost}") String mailFrom) {
        this.box = box;
        this.mail = mail;
        this.timeout = timeout;
        this.mailFrom = mailFrom;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Outcome send(DeliveryQueue.Claimed d) {
        if (d.destinationCiphertext() == null) {
            return new Outcome(false, false, "The rule was deleted");
        }
        var destination = box.decrypt(d.destinationCiphertext());
        return d.channel() == NotificationChannel.EMAIL ? email(d, destination) : post(d, destination);
    }

    private Outcome email(DeliveryQueue.Claimed d, String recipients) {
        var sender = mail.getIfAvailable();
        if (sender == null) {
            return new Outcome(false, true, "No SMTP server configured (SPRING_MAIL_HOST)");
        }
        var message = new SimpleMailMessage();
        message.setFrom(mailFrom);
        message.setTo(recipients.split("\\s*[,;]\\s*"));
        message.setSubject("[Infra Console] " + d.subject());
        message.setText(DeliveryQueue.JSON.readTree(d.payload()).path("text").asString("") + "\n");
        try {
            sender.send(message);
            return Outcome.SENT;
        } catch (MailException e) {
            return new Outcome(false, true, "SMTP: " + rootMessage(e));
        }
    }

    private Outcome post(DeliveryQueue.Claimed d, String url) {
        var body = ChannelPayloads.body(d.channel(), d.subject(), d.payload()).getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "infra-console")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (d.channel() == NotificationChannel.WEBHOOK) {
            request.header("X-Infra-Event", d.event().wireName()).header("X-Infra-Delivery", String.valueOf(d.id()));
            if (d.signingSecretCiphertext() != null) {
                request.header(SIGNATURE_HEADER, HookSignature.sign(box.decrypt(d.signingSecretCiphertext()), body));
            }
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.SENT;
            }
            // A server error or a rate limit may pass; any other refusal (404, 403, 400) will not by itself.
            return new Outcome(false, status >= 500 || status == 429 || status == 408, "HTTP " + status);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome(false, true, "No answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Outcome(false, true, "Connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, true, "Interrupted");
        }
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
