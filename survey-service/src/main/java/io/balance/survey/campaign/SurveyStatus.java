package io.balance.survey.campaign;

public enum SurveyStatus {
    DRAFT, OPEN, CLOSED
}
