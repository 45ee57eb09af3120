package com.infraconsole.base;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one way the console seals a secret it must read back (credentials, hook and channel
 * secrets): AES-256-GCM with a fresh 96-bit nonce per value and a 128-bit tag, written as base64 of
 * nonce followed by ciphertext and tag. The associated data binds a value to where it belongs, so
 * a ciphertext moved elsewhere fails to open instead of decrypting to the wrong thing. Key
 * management stays with the callers.
 */
public final class Aes256Gcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aes256Gcm() {}

    public static String seal(byte[] key, byte[] associatedData, String plaintext) {
        try {
            var nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            var cipher = cipher(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce), associatedData);
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /**
     * Opens what {@link #seal} wrote with the same key and associated data.
     *
     * @throws IllegalArgumentException when the text was altered, is not ours, or the key is another
     *     one; the message never carries the value
     */
    public static String open(byte[] key, byte[] associatedData, String sealedText) {
        try {
            var all = Base64.getDecoder().decode(sealedText);
            if (all.length < NONCE_BYTES) {
                throw new IllegalArgumentException("too short");
            }
            var cipher = cipher(
                    Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES), associatedData);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The sealed value does not open with this key");
        }
    }

    private static Cipher cipher(int mode, byte[] key, GCMParameterSpec spec, byte[] associatedData)
            throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), spec);
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
