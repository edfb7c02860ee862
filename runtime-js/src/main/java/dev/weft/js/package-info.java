/**
 * The GraalJS script runtime: the only package tree that imports {@code org.graalvm.*}. One
 * shared {@link org.graalvm.polyglot.Engine} and parsed sources; one {@link
 * org.graalvm.polyglot.Context} per VU, touched only by that VU's thread. JS values become
 * Java records at this boundary; no {@code Value} or {@code Context} leaves it.
 */
package dev.weft.js;
