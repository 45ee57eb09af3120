package com.infraconsole.credential;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a fresh 96-bit nonce per value: base64 of nonce and ciphertext with its tag.
 * The associated data binds a value to its field and key id, so a ciphertext pasted into another
 * column or row of another kind fails to open instead of decrypting to the wrong thing.
 */
@Component
class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
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
        try {
            var nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.secret(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(keyId, field));
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a credential", e);
        }
    }

    String open(String keyId, String field, String sealedText) {
        if (sealedText == null) {
            return null;
        }
        var key = keys.byId(keyId).orElseThrow(() -> missing(keyId));
        try {
            var all = Base64.getDecoder().decode(sealedText);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.secret(), "AES"),
                    new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(aad(keyId, field));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A credential does not decrypt under master key " + keyId
                    + ": it was altered, or the key is not the one it was sealed with");
        }
    }

    private static byte[] aad(String keyId, String field) {
        return ("infra-console credential/" + keyId + "/" + field).getBytes(StandardCharsets.US_ASCII);
    }

    private IllegalStateException missing(String keyId) {
        return new IllegalStateException("Master key " + keyId + " is not available (" + (keys.fromEnvironment()
                ? "INFRA_MASTER_KEY" : keys.file()) + "): credentials sealed with it cannot be used");
    }
}
