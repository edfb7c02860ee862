/** Organisations, users with hashed passwords, API tokens stored hashed, and web sessions. */
package dev.weft.cloud.account;
