package com.infraconsole.server;

public enum ImportFormat {
    CSV("CSV (hostname,ip_address,ssh_port,ssh_user,os_type,environment,status,location,description)"),
    ANSIBLE_INI("Ansible INI inventory");

    private final String label;

    ImportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
