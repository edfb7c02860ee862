/** The database: connections, transactions and schema migrations (Flyway). */
package dev.weft.cloud.store;
