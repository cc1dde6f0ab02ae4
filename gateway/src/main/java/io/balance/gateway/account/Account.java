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
    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Account find(String name) {
        return findById(name);
    }
}
