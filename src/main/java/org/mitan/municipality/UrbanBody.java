package org.mitan.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A municipal corporation, council or nagar panchayat that offers the doorstep service. Its code is chosen by
 * people, so a body made with the public constructor is new: saving it inserts, and an existing code fails
 * instead of being overwritten.
 */
@Entity
@Table(name = "urban_body")
public class UrbanBody implements Persistable<String> {

    @Id
    private String code;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "name_hi", nullable = false)
    private String nameHi;

    @Column(nullable = false)
    private String district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BodyKind kind;

    @Column(nullable = false)
    private int wards;

    @Column(name = "supervisor_phone")
    private String supervisorPhone;

    @Column(nullable = false)
    private boolean active = true;

    @Transient
    private boolean stored = true;

    protected UrbanBody() {
    }

    public UrbanBody(String code, String nameEn, String nameHi, String district, BodyKind kind, int wards) {
        this.code = code;
        this.nameEn = nameEn;
        this.nameHi = nameHi;
        this.district = district;
        this.kind = kind;
        this.wards = wards;
        this.stored = false;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public String getId() {
        return code;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    public String getCode() {
        return code;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getNameHi() {
        return nameHi;
    }

    public String getDistrict() {
        return district;
    }

    public BodyKind getKind() {
        return kind;
    }

    public int getWards() {
        return wards;
    }

    public void setWards(int wards) {
        this.wards = wards;
    }

    public boolean hasWard(int ward) {
        return ward >= 1 && ward <= wards;
    }

    public String getSupervisorPhone() {
        return supervisorPhone;
    }

    public void setSupervisorPhone(String supervisorPhone) {
        this.supervisorPhone = supervisorPhone;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** English name and code, as people are told about the body: {@code Raipur (RPR)}. */
    public String describe() {
        return nameEn + " (" + code + ")";
    }
}
