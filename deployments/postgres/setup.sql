-- Creates the Ganxun role and database on PostgreSQL 13 or newer. Run once as the superuser:
--   sudo -u postgres psql -v password='choose-a-password' -f deployments/postgres/setup.sql
-- The application creates its tables itself on first start (Flyway for ganxun tables, then the Camunda engine).
\set ON_ERROR_STOP on

CREATE ROLE ganxun LOGIN PASSWORD :'password';
CREATE DATABASE ganxun OWNER ganxun ENCODING 'UTF8' TEMPLATE template0;

\connect ganxun
-- PostgreSQL 15+ no longer lets every role create tables in schema public: make ganxun its owner.
ALTER SCHEMA public OWNER TO ganxun;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
