/** Commands that steer a running test through its REST control API ({@code weft pause|resume|status|scale}). */
package dev.weft.cli.control;
