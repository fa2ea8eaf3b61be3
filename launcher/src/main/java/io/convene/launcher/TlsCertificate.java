package io.convene.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The certificate the front door serves for the public host name: the operator's (a PEM certificate
 * chain and its PEM private key, {@code convene.tls.certificate} and {@code convene.tls.key}), or
 * else one the launcher makes with Debian's openssl and keeps in {@code .convene/tls/} — self-signed,
 * for that host name, made again only when the name changes. HAProxy reads both as one file
 * (certificate then key) that only the launcher's user may read.
 *
 * @param pem          the file HAProxy serves
 * @param certificate  the certificate people may import to trust a self-signed one
 * @param fingerprint  SHA-256 of the certificate, as browsers show it (AB:CD:...)
 * @param spki         SHA-256 of its public key, base64 (Chromium's --ignore-certificate-errors-spki-list)
 * @param selfSigned   made by the launcher (no HSTS then: browsers would remember to refuse it)
 */
record TlsCertificate(Path pem, Path certificate, String fingerprint, String spki, boolean selfSigned) {

    private static final Logger LOG = Logger.getLogger(TlsCertificate.class.getName());
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    static TlsCertificate forHost(String host, Path stateDir) {
        Path dir = stateDir.toAbsolutePath().resolve("tls");
        String given = SuiteSettings.setting("convene.tls.certificate", null);
        String givenKey = SuiteSettings.setting("convene.tls.key", null);
        try {
            Files.createDirectories(dir);
            if (given != null || givenKey != null) {
                if (given == null || givenKey == null) {
                    throw new IllegalStateException("Give both convene.tls.certificate and convene.tls.key (PEM files), or neither");
                }
                return combined(Path.of(given), Path.of(givenKey), dir, false);
            }
            Path certificate = dir.resolve("self-signed.crt");
            Path key = dir.resolve("self-signed.key");
            Path madeFor = dir.resolve("self-signed.host");
            if (!Files.exists(certificate) || !Files.exists(key) || !Files.exists(madeFor)
                    || !Files.readString(madeFor).trim().equals(host)) {
                makeSelfSigned(host, certificate, key);
                Files.writeString(madeFor, host + "\n");
            }
            return combined(certificate, key, dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void makeSelfSigned(String host, Path certificate, Path key) throws IOException {
        if (!Files.isExecutable(OPENSSL)) {
            throw new IllegalStateException("No certificate given (convene.tls.certificate, convene.tls.key) and no openssl"
                    + " to make one: apt-get install openssl");
        }
        String name = host.matches("[0-9.]+|.*:.*") ? "IP:" + host : "DNS:" + host;
        Files.deleteIfExists(key);
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Process openssl = new ProcessBuilder(List.of(OPENSSL.toString(), "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-sha256", "-days", "825", "-nodes",
                "-keyout", key.toString(), "-out", certificate.toString(), "-subj", "/CN=" + host,
                "-addext", "subjectAltName=" + name)).redirectErrorStream(true).start();
        try {
            String said = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
                throw new IllegalStateException("openssl could not make a certificate for " + host + ": " + said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        LOG.info(() -> "Made a self-signed certificate for " + host + " in " + certificate);
    }

    private static TlsCertificate combined(Path certificate, Path key, Path dir, boolean selfSigned) throws IOException {
        X509Certificate first = read(certificate);
        Path pem = dir.resolve("haproxy.pem");
        Files.deleteIfExists(pem);
        Files.createFile(pem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String chain = Files.readString(certificate);
        Files.writeString(pem, chain + (chain.endsWith("\n") ? "" : "\n") + Files.readString(key));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256.digest(first.getEncoded()));
            String spki = Base64.getEncoder().encodeToString(sha256.digest(first.getPublicKey().getEncoded()));
            return new TlsCertificate(pem, certificate, fingerprint, spki, selfSigned);
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate read(Path certificate) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
        } catch (CertificateException e) {
            throw new IllegalStateException(certificate + " holds no PEM certificate: " + e.getMessage());
        }
    }
}
