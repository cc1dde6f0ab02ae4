package io.balance.supervision.problem;

import java.math.BigDecimal;

/** What is missing, in the indicator's unit: m2, teachers, yuan, rooms, computers, books, students. */
public record Gap(String unit, BigDecimal amount) {
}
