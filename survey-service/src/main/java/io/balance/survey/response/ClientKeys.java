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
        String fast = ipv4Range(address);
        if (fast != null) {
            return fast;
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

    /** Dotted-quad IPv4 without regex or InetAddress (the hot path); null when it is something else. */
    static String ipv4Range(String a) {
        int dots = 0;
        int octet = -1;
        int lastDot = -1;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c == '.') {
                if (octet < 0 || ++dots > 3) {
                    return null;
                }
                octet = -1;
                lastDot = i;
            } else if (c >= '0' && c <= '9') {
                octet = (octet < 0 ? 0 : octet * 10) + (c - '0');
                if (octet > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return dots == 3 && octet >= 0 ? a.substring(0, lastDot) + ".0/24" : null;
    }

    private final ThreadLocal<javax.crypto.Mac> macs = new ThreadLocal<>();

    public byte[] key(byte[] campaignSalt, String range) {
        javax.crypto.Mac mac = macs.get();
        try {
            if (mac == null) {
                mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(secrets.clientKey(), "HmacSHA256"));
                macs.set(mac);
            }
            mac.update(campaignSalt);
            mac.update(range.getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(mac.doFinal(), 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
