/** {@code k6/crypto/x509}: X.509 certificates read on the JDK's CertificateFactory, shaped as k6 shows them. */
package dev.weft.js.module.x509;
