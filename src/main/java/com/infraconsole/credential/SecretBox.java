package com.infraconsole.credential;

import com.infraconsole.base.Aes256Gcm;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Seals credentials with {@link Aes256Gcm} under a master key. The associated data binds a value to
 * its field and key id, so a ciphertext pasted into another column or row of another kind fails to
 * open instead of decrypting to the wrong thing.
 */
@Component
class SecretBox {

    private final MasterKeys keys;

    SecretBox(MasterKeys keys) {
        this.keys = keys;
    }

    String currentKeyId() {
        return keys.current().id();
    }

    String seal(String keyId, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        var key = keys.byId(keyId).orElseThrow(() -> missing(keyId));
        return Aes256Gcm.seal(key.secret(), aad(keyId, field), plaintext);
    }

    String open(String keyId, String field, String sealedText) {
        if (sealedText == null) {
            return null;
        }
        var key = keys.byId(keyId).orElseThrow(() -> missing(keyId));
        try {
            return Aes256Gcm.open(key.secret(), aad(keyId, field), sealedText);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A credential does not decrypt under master key " + keyId
                    + ": it was altered, or the key is not the one it was sealed with");
        }
    }

    private static byte[] aad(String keyId, String field) {
        return ("infra-console credential/" + keyId + "/" + field).getBytes(StandardCharsets.US_ASCII);
    }

    private IllegalStateException missing(String keyId) {
        return new IllegalStateException("Master key " + keyId + " is not available ("
                + (keys.fromEnvironment() ? "INFRA_MASTER_KEY" : keys.file())
                + "): credentials sealed with it cannot be used");
    }
}
