package io.balance.indicator.calc;

import java.util.List;

/** Stage names (学段) as used in reports and rule sets. */
public final class Stages {
    public static final String PRIMARY = "PRIMARY"; // 小学
    public static final String JUNIOR = "JUNIOR"; // 初中
    public static final String SENIOR = "SENIOR"; // 高中, only to apportion shared resources
    public static final List<String> ALL = List.of(PRIMARY, JUNIOR, SENIOR);
    public static final List<String> COMPULSORY = List.of(PRIMARY, JUNIOR);

    private Stages() {
    }
}
