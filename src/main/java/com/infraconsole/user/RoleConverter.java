package com.infraconsole.user;

import com.infraconsole.base.DbEnumConverter;
import com.infraconsole.security.Role;
import jakarta.persistence.Converter;

/** Role lives in security, which cannot see base; its column rule is the same DbEnum rule. */
@Converter
class RoleConverter extends DbEnumConverter<Role> {
    RoleConverter() {
        super(Role.class);
    }
}
