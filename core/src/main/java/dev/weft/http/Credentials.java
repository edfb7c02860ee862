package dev.weft.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and password taken from a URL's user info (percent-decoded), and the Basic
 * Authorization header made from them. Immutable.
 */
record Credentials(String user, String password) {

    static Credentials fromUserInfo(String userInfo) {
        if (userInfo == null) {
            return null;
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String pass = colon < 0 ? "" : userInfo.substring(colon + 1);
        return new Credentials(decode(user), decode(pass));
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
