// A service name where a port number belongs is refused, showing the port forms.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:5:13: 'http' is not a port. Write a port (80), a range (8000-8010) or published:container (8443:443), optionally followed by /tcp, /udp or /sctp.''')
true
