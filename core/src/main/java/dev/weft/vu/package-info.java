/**
 * Virtual users, independent of any script runtime: the {@link dev.weft.vu.Vu} contract a
 * runtime implements, and {@link dev.weft.vu.VuThread}, the virtual thread that owns one VU.
 */
package dev.weft.vu;
