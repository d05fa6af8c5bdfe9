// A misspelt top-level key is named with its position and the nearest known key.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:3:1: unknown key 'ingres'. Use one of: defaults, docker, groups, host, ingress, service, swarm, version. Did you mean 'ingress'?''')
true
