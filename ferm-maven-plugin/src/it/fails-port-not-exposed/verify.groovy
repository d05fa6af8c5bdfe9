// A rule port the Dockerfile does not EXPOSE fails, listing what it does expose.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:5:17: container port 8080/tcp is not exposed by the Dockerfile (stage 0). It exposes 53/udp, 80/tcp, 443/tcp. Add an EXPOSE, list the port under docker.inherited if the base image exposes it, or correct the rule.''')
true
