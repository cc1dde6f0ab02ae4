package io.balance.supervision.problem;

import java.math.BigDecimal;

/** Chinese labels for titles and the exported ledger. */
public final class Labels {
    private Labels() {
    }

    public static String stage(String stage) {
        if (stage == null) {
            return "";
        }
        return switch (stage) {
            case "PRIMARY" -> "小学";
            case "JUNIOR" -> "初中";
            default -> stage;
        };
    }

    public static String unit(String unit) {
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "m2" -> "㎡";
            case "teachers" -> "名教师";
            case "yuan" -> "元";
            case "rooms" -> "间";
            case "computers" -> "台";
            case "books" -> "册";
            case "students" -> "名学生";
            default -> unit;
        };
    }

    static String needUnit(String need) {
        String n = need.contains(".") ? need.substring(need.lastIndexOf('.') + 1) : need;
        if (n.endsWith("Rooms")) {
            return "rooms";
        }
        if (n.endsWith("M2")) {
            return "m2";
        }
        if (n.equals("studentsOverLimit")) {
            return "students";
        }
        return n;
    }

    public static String amount(double amount) {
        return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }
}
