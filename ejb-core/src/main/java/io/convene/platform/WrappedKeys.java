package io.convene.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The application's keys as the database keeps them when a secret outside it is given
 * ({@code convene.secrets.key}): each key encrypted with that secret (AES-256-GCM, the key's name
 * bound in), so a database dump alone opens nothing that Convene sealed.
 */
final class WrappedKeys {

    static final String PREFIX = "wrapped:v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec keyEncryptionKey;

    WrappedKeys(String secret) {
        if (secret.length() < 32) {
            throw new IllegalArgumentException("convene.secrets.key needs 32 characters or more");
        }
        try {
            keyEncryptionKey = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isWrapped(String stored) {
        return stored.startsWith(PREFIX);
    }

    String wrap(String name, byte[] key) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, name, iv, key);
        byte[] out = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(sealed, 0, out, iv.length, sealed.length);
        return PREFIX + Base64.getEncoder().encodeToString(out);
    }

    byte[] unwrap(String name, String stored) {
        byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        return run(Cipher.DECRYPT_MODE, name, Arrays.copyOf(in, 12), Arrays.copyOfRange(in, 12, in.length));
    }

    private byte[] run(int mode, String name, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keyEncryptionKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key " + name + " cannot be " + (mode == Cipher.ENCRYPT_MODE ? "wrapped"
                    : "unwrapped: is convene.secrets.key the secret it was wrapped with?"), e);
        }
    }
}
