// With -X the log shows the Dockerfile stage chosen, the ARG and ENV values EXPOSE used, and the ferm command.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
String log = its.buildLog(basedir)
assert log.contains('[DEBUG] Building the bundle: no successful build recorded in ')
assert log.contains("[DEBUG] Dockerfile ${new File(basedir, 'Dockerfile')}: stage 1 (the last one) exposes [80/tcp, 443/tcp, 514/udp, 5005/tcp, 9100/tcp]")
String dockerfile = new File(basedir, 'Dockerfile').path
assert log.contains('[DEBUG] ' + dockerfile + ':11:11: EXPOSE \'${HTTPS_PORT}/tcp\' used HTTPS_PORT=\'443\'')
assert log.contains('[DEBUG] ' + dockerfile + ':12:8: EXPOSE \'${METRICS_PORT}\' used METRICS_PORT=\'9100\'')
assert log.contains('[DEBUG] ' + dockerfile + ':12:24: EXPOSE \'${SYSLOG_PORT}/udp\' used SYSLOG_PORT=\'514\'')
if (System.getenv('PATH').split(File.pathSeparator).any { new File(it, 'ferm').canExecute() } || new File('/usr/sbin/ferm').canExecute()) {
    assert log =~ /\[DEBUG\] Checking the bundle: \S*ferm --remote --lines ferm\.conf/
}
assert log.contains('[INFO] ledger: 1 rule open 80/tcp, 443/tcp to any source (2 iptables allow rules) -> target/debug-log-1.0-ferm.tar.gz')
true
