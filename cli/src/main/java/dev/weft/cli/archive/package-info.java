/**
 * k6 archives: {@code weft archive} bundles a script, its local and remote modules and the
 * files it opens into a tar in k6's layout ({@code metadata.json}, {@code data}, {@code
 * file/<path>}, {@code https/<host>/<path>}); {@code weft run archive.tar} unpacks one and
 * runs it.
 */
package dev.weft.cli.archive;
