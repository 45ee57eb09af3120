package com.infraconsole.audit;

import com.infraconsole.base.audit.AuditAction;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventType;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

@Configuration
class AuditConfiguration {

    /**
     * Around every {@code @AuditAction} method, ordered before the transaction and security
     * interceptors so that the action is known when the method's transaction flushes at commit.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor auditActionAdvisor(@Lazy EntityManagerFactory emf) {
        var advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(AuditAction.class), new AuditActionInterceptor(emf));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return advisor;
    }

    /** Hooks the entity listener into Hibernate once the session factory exists. */
    @Bean
    SmartInitializingSingleton auditListenerRegistration(EntityManagerFactory emf, AuditRecorder recorder) {
        return () -> {
            var listener = new EntityChangeListener(recorder);
            var registry = emf.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
            registry.appendListeners(EventType.POST_INSERT, listener);
            registry.appendListeners(EventType.POST_UPDATE, listener);
            registry.appendListeners(EventType.POST_DELETE, listener);
        };
    }

    /** Makes Spring Security publish AuthorizationDeniedEvent, which becomes ACCESS_DENIED. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }
}
