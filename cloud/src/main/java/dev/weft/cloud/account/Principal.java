package dev.weft.cloud.account;

/**
 * Who a request acts for: an organisation, and the user when known (null for a token made
 * without a user). Everything a principal sees is limited to its organisation's runs.
 */
public record Principal(long orgId, Long userId, String email) {
}
