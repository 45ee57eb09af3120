/**
 * The shared kernel: entity base classes, FreshRead, StaleDataException, InvalidInputException,
 * EntityValidator, Like, the Clock; base.ui (layout, forms, grids, charts), base.database (finding
 * and starting the database, NodeLock) and base.audit (the annotations features put on entities).
 * Owns no table. Depends on security only. An open module: every module may use all of it,
 * sub-packages included.
 */
@ApplicationModule(
        type = ApplicationModule.Type.OPEN,
        allowedDependencies = {})
@NullMarked
package com.infraconsole.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
