package io.balance.gateway.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone who may obtain tokens: a person (username, password) or a province system (client id, secret). */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {
    public enum Kind { PERSON, CLIENT }

    @Id
    public String name;
    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    @Column(nullable = false)
    public String role;
    public String jurisdiction;
    /** For a SCHOOL_REPORTER: the county of its school (as school-service said at creation). */
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "secret_hash", nullable = false)
    public String secretHash;
    /** For a DEPARTMENT: its department code (the token's department claim). */
    public String department;
    /** A disabled account cannot sign in (the same answer as a wrong password). */
    @Column(nullable = false)
    public boolean disabled;
    /** Set by an administrator's reset: the next sign-in must choose a new password. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;
    /** A client's secret before its last rotation, valid until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret_hash")
    public String previousSecretHash;
    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Account find(String name) {
        return findById(name);
    }
}
