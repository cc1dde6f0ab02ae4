package io.balance.school.report;

/** Review status of one report revision: DRAFT → SUBMITTED → APPROVED; reject sends SUBMITTED back to DRAFT. */
public enum ReportStatus { DRAFT, SUBMITTED, APPROVED }
