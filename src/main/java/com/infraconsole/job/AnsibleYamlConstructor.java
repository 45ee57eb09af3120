package com.infraconsole.job;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor plus the two tags Ansible's own loader adds, so that text Ansible
 * reads is not refused here: {@code !vault} (a value encrypted with ansible-vault, which only
 * ansible-playbook with the vault password can read) and {@code !unsafe} (a value Ansible never
 * templates). Every other tag is still refused. The text itself goes to ansible-playbook as typed.
 */
final class AnsibleYamlConstructor extends SafeConstructor {

    /** A vaulted value: kept as its ciphertext, never decrypted by the console. */
    record Vaulted(String ciphertext) {}

    AnsibleYamlConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(new Tag("!vault"), new ConstructVault());
        yamlConstructors.put(new Tag("!unsafe"), new ConstructUnsafe());
    }

    private static final class ConstructVault extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            if (!(node instanceof ScalarNode scalar)) {
                throw new TagException("!vault must tag a text value", node.getStartMark());
            }
            if (!scalar.getValue().strip().startsWith("$ANSIBLE_VAULT;")) {
                throw new TagException(
                        "a !vault value starts with $ANSIBLE_VAULT; (paste what ansible-vault"
                                + " encrypt_string prints)",
                        node.getStartMark());
            }
            return new Vaulted(scalar.getValue());
        }
    }

    /** As Ansible does: the value is read as if untagged, a scalar always as text. */
    private final class ConstructUnsafe extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            node.setTag(
                    node.getNodeId() == NodeId.scalar
                            ? Tag.STR
                            : node.getNodeId() == NodeId.sequence ? Tag.SEQ : Tag.MAP);
            return getConstructor(node).construct(node);
        }
    }

    private static final class TagException extends ConstructorException {
        TagException(String problem, Mark mark) {
            super(null, null, problem, mark);
        }
    }
}
