package io.balance.survey.response;

import io.balance.survey.common.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Client addresses are never stored: only a keyed hash (HMAC-SHA256 with the service secret and a
 * per-campaign salt) of the network range, /24 for IPv4 and /64 for IPv6. The same range within one
 * campaign gives the same key (so bursts are visible); keys cannot be linked across campaigns.
 */
@ApplicationScoped
public class ClientKeys {
    @Inject
    Secrets secrets;

    /** The address range, e.g. {@code 203.0.113.0/24}; kept in memory only. */
    public static String range(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (!a.matches("[0-9a-fA-F:.]+")) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.getByName(a).getAddress();
            if (bytes.length == 4) {
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            byte[] prefix = Arrays.copyOf(bytes, 8);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(Integer.toHexString(((prefix[i] & 0xff) << 8) | (prefix[i + 1] & 0xff))).append(':');
            }
            return sb.append(":/64").toString();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    public byte[] key(byte[] campaignSalt, String range) {
        byte[] mac = Secrets.hmac(secrets.clientKey(), campaignSalt, range.getBytes(StandardCharsets.US_ASCII));
        return Arrays.copyOf(mac, 16);
    }
}
