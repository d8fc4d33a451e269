package org.mitan.municipality;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UrbanBodyRepository extends JpaRepository<UrbanBody, String> {

    List<UrbanBody> findByActiveTrueOrderByCode();
}
