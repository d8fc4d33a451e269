package org.mitan.mitan;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A field helper who visits citizens and delivers certificates; logs in as a Camunda user. */
@Entity
@Table(name = "mitan")
public class Mitan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "body_code", nullable = false)
    private String bodyCode;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String phone;

    /** The Camunda user id the Mitan logs in with; tasks are assigned to it. */
    @Column(name = "user_id", nullable = false, unique = true)
    private String userId;

    @Column(nullable = false)
    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mitan_ward", joinColumns = @JoinColumn(name = "mitan_id"))
    @Column(name = "ward")
    private Set<Integer> wards = new HashSet<>();

    protected Mitan() {
    }

    public Mitan(String bodyCode, String name, String phone, String userId, Set<Integer> wards) {
        this.bodyCode = bodyCode;
        this.name = name;
        this.phone = phone;
        this.userId = userId;
        this.wards = new HashSet<>(wards);
    }

    public Long getId() {
        return id;
    }

    public String getBodyCode() {
        return bodyCode;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getUserId() {
        return userId;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Set<Integer> getWards() {
        return wards;
    }

    public void setWards(Set<Integer> wards) {
        this.wards.clear();
        this.wards.addAll(wards);
    }

    public boolean serves(int ward) {
        return wards.contains(ward);
    }
}
