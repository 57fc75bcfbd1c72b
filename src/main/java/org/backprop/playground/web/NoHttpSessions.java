package org.backprop.playground.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Nothing here keeps HTTP sessions. Javalin reads the session's attributes at every WebSocket
 * upgrade, which made Jetty create an HttpSession that never expired and set a JSESSIONID cookie
 * on each connect. This filter, in front of every request, answers that read with one empty
 * session that stores nothing, so Jetty's session handler is never asked for one.
 */
final class NoHttpSessions implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request instanceof HttpServletRequest http ? new Wrapper(http) : request, response);
    }

    private static final class Wrapper extends HttpServletRequestWrapper {
        Wrapper(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return create ? Empty.SESSION : null;
        }

        @Override
        public HttpSession getSession() {
            return Empty.SESSION;
        }

        @Override
        public String changeSessionId() {
            throw Empty.refusal();
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }
    }

    /** A session with no attributes that refuses to hold any. */
    private static final class Empty implements HttpSession {
        static final Empty SESSION = new Empty();

        static UnsupportedOperationException refusal() {
            return new UnsupportedOperationException("this server keeps no HTTP sessions");
        }

        @Override
        public long getCreationTime() {
            return 0;
        }

        @Override
        public String getId() {
            return "";
        }

        @Override
        public long getLastAccessedTime() {
            return 0;
        }

        @Override
        public ServletContext getServletContext() {
            throw refusal();
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            throw refusal();
        }

        @Override
        public int getMaxInactiveInterval() {
            return 0;
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public void setAttribute(String name, Object value) {
            throw refusal();
        }

        @Override
        public void removeAttribute(String name) {
            // there is nothing to remove
        }

        @Override
        public void invalidate() {
            // there is nothing to end
        }

        @Override
        public boolean isNew() {
            return false;
        }
    }
}
